"""``get_blocks``: the course blocks API as edx-completion's REST API calls it, from the sandbox's tree."""


def get_blocks(request, usage_key, user=None, nav_depth=None, requested_fields=None, block_types_filter=None,
               **kwargs):
    from sandbox.models import CourseBlock

    root = CourseBlock.objects.get(usage_key=usage_key)
    blocks, pending = {}, [root]
    while pending:
        block = pending.pop()
        children = list(block.children.order_by("position", "id"))
        if block_types_filter:
            children = [child for child in children if child.block_type in block_types_filter]
        blocks[str(block.usage_key)] = {
            "id": str(block.usage_key), "type": block.block_type, "display_name": block.display_name,
            "children": [str(child.usage_key) for child in children],
        }
        pending.extend(children)
    return {"root": str(root.usage_key), "blocks": blocks}
