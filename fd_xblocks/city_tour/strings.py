"""The learner's and the author's page strings, translated by the block's i18n service."""
# ruff: noqa: E501 - whole msgids read better in one line each


def page_strings(_):
    """Every string of the templates, by key (the templates never translate)."""
    return {
        "map_of_the_stops": _("Map of the stops"),
        "visited": _("(visited)"),
        "back_to_the_first_stop": _("Back to the first stop"),
        "summary": _("Summary"),
        "a_360_picture_with_javascript_you_can_lo": _("A 360° picture: with JavaScript you can look around in it."),
        "a_picture_of_this_stop": _("A picture of this stop."),
        "the_guide_says": _("The guide says"),
        "things_to_explore_here": _("Things to explore here"),
        "watch_the_video": _("Watch the video"),
        "find_it": _("Find it:"),
        "found": _("Found!"),
        "i_found_it": _("I found it"),
        "answer": _("Answer"),
        "finish_go_to_the_summary": _("Finish: go to the summary"),
        "summary_of_the_tour": _("Summary of the tour"),
        "start_a_class_tour": _("Start a class tour"),
        "you_lead_on_the_whiteboard_pupils_join_w": _("You lead on the whiteboard; pupils join with a code, without an account."),
        "school": _("School"),
        "no_school_other": _("No school / other"),
        "display_name": _("Display name"),
        "introduction": _("Introduction"),
        "share_of_stops_to_visit": _("Share of stops to visit"),
        "weight": _("Weight"),
        "scenes_json_id_kind_360_or_flat_title_im": _("Scenes (JSON: id, kind 360 or flat, title, image_url, alt, description, narration, audio_url, captions_url, start_yaw, hotspots, guide)"),
        "hotspots_id_kind_info_goto_question_find": _("Hotspots: id, kind (info, goto, question, find), label; yaw -180..180 and pitch -90..90 on 360° scenes, x and y 0..1 on flat ones; goto needs target (a scene id) and may set arrive_yaw; question needs question {prompt, type single/multiple/truefalse, options [{text, correct}], feedback}. Addresses: https:// or /static/ course files."),
        "check_and_preview": _("Check and preview"),
        "save": _("Save"),
        "preview": _("Preview"),
    }
