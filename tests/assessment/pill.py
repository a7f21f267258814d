"""A stand-in for a learning resource block tagged with DigComp competences (as the video pill is)."""
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import List, Scope, String


class TaggedPillBlock(XBlock):
    display_name = String(scope=Scope.settings, default="Pill")
    digcomp_competences = List(scope=Scope.settings, default=[])

    def student_view(self, context=None):
        return Fragment(f"<p>{self.display_name}</p>")
