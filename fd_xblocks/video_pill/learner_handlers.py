"""The learner's handlers: progress reports, checkpoint answers, tracking events, caption files."""
import time

from webob import Response
from xblock.core import XBlock

from . import captions as caption_files
from . import checkpoints as checkpoint_rules
from . import intervals
from .errors import N_, PillInputError
from .events import clean_event
from .json_endpoint import json_endpoint
from .rendering import clean_author_html

TRACK_KINDS = {"captions", "descriptions", "chapters", "transcript"}
# A checkpoint may be answered once the watched intervals reach its time, give or take this.
CHECKPOINT_TOLERANCE = 1.0


def now():
    return time.time()


class LearnerHandlersMixin:
    """Handlers called by the player; every input is checked and bad input gets a 400."""

    @json_endpoint
    def progress(self, data, suffix=""):
        """Receive the intervals watched since the last report, the position, speed and captions shown
        (``caption_chosen``: true when the learner picked them in the menu)."""
        if self.duration <= 0:
            raise PillInputError(N_("This video has no duration set: ask the course team to set it."))
        reported = intervals.parse_intervals(data.get("intervals", []), self.duration)
        position = data.get("position", self.position)
        if not intervals.is_number(position) or not 0 <= position <= self.duration + intervals.END_TOLERANCE:
            raise PillInputError(N_("The position must be a number of seconds inside the video."),
                                 "position")
        speed = data.get("speed", self.speed)
        if not intervals.is_number(speed) or float(speed) not in intervals.SPEEDS:
            raise PillInputError(N_("The speed must be one of 0.75, 1, 1.25, 1.5, 1.75 or 2."), "speed")
        language = data.get("caption_language", self.caption_language)
        if language is not None and not isinstance(language, str):
            raise PillInputError(N_("The caption language must be a language code."), "caption_language")
        if language not in ("", None) and language not in self.captions:
            raise PillInputError(N_("There are no captions in that language."), "caption_language")
        chosen = data.get("caption_chosen", False)
        if not isinstance(chosen, bool):
            raise PillInputError(N_("\"caption_chosen\" must be true or false."), "caption_chosen")
        current = now()
        if not self.first_report_at:
            # The learner's clock starts at their first report (the player sends an empty one when
            # playback starts); coverage from before this rule existed is not counted against it.
            self.first_report_at = current
            self.covered_at_first_report = intervals.covered_seconds(self.watched)
        if not intervals.within_budget(self.watched, reported, self.first_report_at,
                                       self.covered_at_first_report, current):
            raise PillInputError(
                N_("This report claims more video than could be played in the time that passed; "
                   "it was not counted."), "intervals")
        self.watched = intervals.merge(list(self.watched) + reported)
        self.position = min(float(position), self.duration)
        self.speed = float(speed)
        self.caption_language = language or ""
        if chosen:  # the learner picked it in the menu: it holds whatever the site's language ("" = follow it)
            self.caption_choice = language or ""
        fraction = intervals.coverage(self.watched, self.duration)
        if not self.completed and fraction >= self.completion_threshold - 1e-9:
            self.completed = True
            self.runtime.publish(self, "completion", {"completion": 1.0})
            self.runtime.publish(self, "complete_video", {
                "id": str(self.scope_ids.usage_id), "code": self.playback_code(),
                "duration": self.duration, "coverage": round(fraction, 4),
            })
        return {"watched": self.watched, "coverage": round(fraction, 4), "completed": self.completed,
                "position": self.position}

    @json_endpoint
    def answer(self, data, suffix=""):
        """Check a checkpoint answer, keep it, publish the grade and return the feedback."""
        checkpoint = next((cp for cp in self.checkpoints if cp["id"] == data.get("checkpoint")), None)
        if checkpoint is None:
            raise PillInputError(N_("This question is not part of the video."), "checkpoint")
        chosen = checkpoint_rules.parse_answer(checkpoint, data.get("answer"))
        if not intervals.reached(self.watched, checkpoint["time"], CHECKPOINT_TOLERANCE):
            raise PillInputError(N_("Watch the video up to this question before answering it."), "checkpoint")
        correct = checkpoint_rules.is_correct(checkpoint, chosen)
        first = checkpoint["id"] not in self.answers
        earned = self.earned_score()
        if first:
            # The first answer is the one graded; later ones get feedback only.
            answers = dict(self.answers)
            answers[checkpoint["id"]] = {"answer": chosen, "correct": correct}
            self.answers = answers
            earned = self.earned_score()
            if self.has_score:
                self.runtime.publish(self, "grade", {"value": earned, "max_value": self.max_score()})
        self.runtime.publish(self, "fd.video_pill.checkpoint.answered", {
            "id": str(self.scope_ids.usage_id), "checkpoint": checkpoint["id"], "answer": chosen,
            "correct": correct, "time": checkpoint["time"], "graded": first,
        })
        return {
            "correct": correct,
            "feedback": clean_author_html(checkpoint["feedback_correct" if correct else "feedback_incorrect"]),
            "review_from": None if correct else checkpoint["review_from"],
            "score": earned, "max_score": self.max_score(), "graded": first,
        }

    def earned_score(self):
        return sum(1 for cp in self.checkpoints if self.answers.get(cp["id"], {}).get("correct"))

    @json_endpoint
    def event(self, data, suffix=""):
        """Record one of Open edX's video tracking events (allow-listed names and fields only)."""
        name, fields = clean_event(data, self.duration)
        fields["id"] = str(self.scope_ids.usage_id)
        self.runtime.publish(self, name, fields)
        return {"recorded": name}

    @XBlock.handler
    def track(self, request, suffix=""):
        """Serve captions/<lang>.vtt, descriptions/<lang>.vtt, chapters/<lang>.vtt and
        transcript/<lang>.txt|vtt (the downloads)."""
        _ = self._gettext()
        if not self.caller_is_signed_in():
            return self._text_error(403, _("Please sign in to continue."))
        kind, _slash, filename = (suffix or "").partition("/")
        lang, _dot, extension = filename.rpartition(".")
        source = self.descriptions if kind == "descriptions" else self.captions
        if kind not in TRACK_KINDS or extension not in ("vtt", "txt") or (extension == "txt") != (
                kind == "transcript"):
            return self._text_error(404, _("There is no such caption file."))
        if kind == "chapters":
            if not self.chapters:
                return self._text_error(404, _("There is no such caption file."))
            last_end = max(self.duration, self.chapters[-1]["start"] + 1)
            ends = [c["start"] for c in self.chapters[1:]] + [last_end]
            cues = [{"start": ch["start"], "end": end, "text": ch["title"]}
                    for ch, end in zip(self.chapters, ends, strict=True)]
            return Response(caption_files.cues_to_vtt(cues), content_type="text/vtt", charset="utf-8")
        if lang not in source:
            return self._text_error(404, _("There are no captions in that language."))
        text = source[lang]
        if kind == "transcript":
            cues = caption_files.parse_caption_text(text)
            body = caption_files.cues_to_plain_text(cues) if extension == "txt" else text
            response = Response(body, content_type="text/plain" if extension == "txt" else "text/vtt",
                                charset="utf-8")
            response.content_disposition = f'attachment; filename="transcript-{lang}.{extension}"'
            return response
        return Response(text, content_type="text/vtt", charset="utf-8")

    @staticmethod
    def _text_error(status, message):
        return Response(message, status=status, content_type="text/plain", charset="utf-8")
