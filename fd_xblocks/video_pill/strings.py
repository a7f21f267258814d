"""Learner-facing strings of the player, translated through the block's i18n service."""

LANGUAGE_NAMES = {
    "it": "Italiano", "en": "English", "fr": "Français", "de": "Deutsch", "es": "Español",
    "ar": "العربية", "zh": "中文", "ro": "Română", "sq": "Shqip", "uk": "Українська",
}


def language_label(code, gettext):
    """Each language in its own name (how people look for it in a menu)."""
    return LANGUAGE_NAMES.get(code.split("-")[0], code)


def learner_strings(_):
    html = {
        "watch_youtube": _("Watch the video on YouTube (privacy-enhanced mode)"),
        "no_video": _("Your browser cannot play this video."),
        "download_video": _("Download the video"),
        "question": _("Question"),
        "check_answer": _("Check answer"),
        "continue": _("Continue the video"),
        "player_controls": _("Video controls"),
        "play": _("Play"),
        "back": _("Back 5 seconds"),
        "forward": _("Forward 5 seconds"),
        "position": _("Position in the video"),
        "speed": _("Speed"),
        "quality": _("Quality"),
        "captions": _("Captions"),
        "off": _("Off"),
        "audio_description": _("Audio description"),
        "mute": _("Mute"),
        "transcript": _("Transcript"),
        "fullscreen": _("Full screen"),
        "keys_help": _("Keys in the player: space or K play/pause, J/L or arrows back/forward 5 s, "
                       "< > speed, C captions, M mute, T transcript."),
        "watched": _("Part of the video watched"),
        "watched_percent": _("Watched: {percent}%"),
        "complete": _("Completed: you watched the video."),
        "chapters": _("Chapters"),
        "transcript_hint": _("Transcript: choose a line to go to that moment"),
        "download_transcript": _("Download the transcript:"),
    }
    js = {
        "play": html["play"],
        "pause": _("Pause"),
        "playing": _("Playing"),
        "paused": _("Paused"),
        "speedIs": _("Speed {speed}"),
        "captionsOn": _("Captions on: {language}"),
        "captionsOff": _("Captions off"),
        "muted": _("Sound off"),
        "unmuted": _("Sound on"),
        "mute": html["mute"],
        "unmute": _("Sound on"),
        "at": _("At {time}"),
        "resumed": _("Resuming from {time}"),
        "watchedPercent": html["watched_percent"],
        "complete": html["complete"],
        "checkpoint": _("Question at {time}: the video is paused."),
        "correct": _("Correct!"),
        "incorrect": _("Not quite."),
        "review": _("Watch the explanation again (from {time})"),
        "answerSaved": _("Answer saved."),
        "chooseAnswer": _("Choose an answer first."),
        "networkError": _("Could not reach the server: your progress will be sent again shortly."),
        "describing": _("Audio description on"),
        "notDescribing": _("Audio description off"),
        "transcriptShown": _("Transcript shown"),
        "transcriptHidden": _("Transcript hidden"),
        "positionValue": _("{time} of {total}"),
        "true": _("True"),
        "false": _("False"),
    }
    return {"html": html, "js": js}
