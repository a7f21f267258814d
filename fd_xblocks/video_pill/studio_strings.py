"""Strings of the Studio editor, translated through the block's i18n service."""


def editor_strings(_):
    html = {
        "basics": _("The video"),
        "display_name": _("Display name"),
        "description": _("Introduction (basic HTML: paragraphs, lists, links)"),
        "sources": _("Video files: one address per line, optionally followed by a quality label "
                     "(e.g. /static/pill.mp4 360p)"),
        "hls_url": _("HLS stream (.m3u8), optional"),
        "youtube_id": _("YouTube id, optional (played in privacy-enhanced mode when there are no files)"),
        "poster": _("Poster image address, optional"),
        "duration": _("Duration in seconds"),
        "duration_help": _("Filled in from the first video file when you leave it empty."),
        "captions": _("Captions (WebVTT or SRT)"),
        "descriptions": _("Audio description (WebVTT text descriptions), optional"),
        "language": _("Language code"),
        "caption_text": _("Caption file text"),
        "upload": _("Load from a file"),
        "add_captions": _("Add a caption language"),
        "add_description": _("Add an audio description language"),
        "remove": _("Remove"),
        "chapters": _("Chapters: one per line, time and title (e.g. 0:30 Formats), "
                      "or a WebVTT chapters file"),
        "checkpoints": _("Checkpoints (questions that pause the video)"),
        "add_checkpoint": _("Add a checkpoint"),
        "time": _("Time (m:ss or seconds)"),
        "kind": _("Kind"),
        "single": _("Single choice"),
        "multiple": _("Multiple choice"),
        "truefalse": _("True or false"),
        "question": _("Question"),
        "options": _("Options: one per line, start the correct ones with *"),
        "answer": _("The statement is"),
        "true": _("True"),
        "false": _("False"),
        "feedback_correct": _("Feedback when correct"),
        "feedback_incorrect": _("Feedback when wrong"),
        "review_from": _("When wrong, send back to (m:ss, optional)"),
        "completion": _("Completion and grading"),
        "threshold": _("Complete after watching this percentage (10-100)"),
        "weight": _("Weight in the grade (0 = not graded)"),
        "show_transcript": _("Show the transcript open"),
        "competences": _("DigComp competences this pill trains"),
        "areas": [_("1 Information and data literacy"), _("2 Communication and collaboration"),
                  _("3 Digital content creation"), _("4 Safety"), _("5 Problem solving")],
        "save": _("Save"),
        "cancel": _("Cancel"),
        "saved": _("Saved."),
        # The form without JavaScript (the script replaces these parts with rows of fields).
        "tracks_help": _("To add a language, fill in the empty row; to remove one, empty both of its fields."),
        "checkpoints_text": _("Checkpoints, as text"),
        "checkpoints_help": _("One block of lines per checkpoint, with an empty line between blocks. Each line "
                              "starts with Time, Kind (single, multiple or truefalse), Question, Correct "
                              "(feedback when correct), Wrong (feedback when wrong), Review from (optional) or, "
                              "for true or false questions, Answer (true or false), then a colon. Write each "
                              "option on its own line: * for a correct option, - for a wrong one. For example:"),
        "checkpoints_example": _("Time: 0:26\nKind: single\nQuestion: Which format is open?\n* CSV\n- PDF\n"
                                 "Correct: Right: CSV is open.\nWrong: Not quite: a PDF is hard to reuse.\n"
                                 "Review from: 0:20"),
    }
    js = {
        "saving": _("Saving..."),
        "saved": _("Saved."),
        "badTime": _("\"{value}\" is not a time: write m:ss or seconds."),
        "remove": html["remove"],
        "language": html["language"],
        "caption_text": html["caption_text"],
        "upload": html["upload"],
        "time": html["time"], "kind": html["kind"], "single": html["single"], "multiple": html["multiple"],
        "truefalse": html["truefalse"], "question": html["question"], "options": html["options"],
        "answer": html["answer"], "true": html["true"], "false": html["false"],
        "feedback_correct": html["feedback_correct"], "feedback_incorrect": html["feedback_incorrect"],
        "review_from": html["review_from"],
        "checkpoint": _("Checkpoint {number}"),
        "networkError": _("Could not reach the server. Nothing was saved; try again."),
    }
    return {"html": html, "js": js}
