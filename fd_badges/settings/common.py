"""Default settings of fd_badges. Operators override any of them in their LMS/Studio settings."""
from fd_core.plugin import apply_defaults, merge_beat_schedule
from fd_core.queues import apply_routes

DEFAULTS = {
    # Secret the issuers' private keys are encrypted with (None: derived from SECRET_KEY).
    "FD_BADGES_KEY_ENCRYPTION_SECRET": None,
    # The sweep awards what is owed for events older than this (the broker was down).
    "FD_BADGES_SWEEP_DELAY_SECONDS": 300,
    # An award's side effect (e-mail, events) claimed longer ago than this by a worker that never
    # finished it is run again by the sweep.
    "FD_BADGES_EFFECT_LEASE_SECONDS": 300,
    # Learners evaluated (and awards signed and announced) together by one task: one transaction
    # and a few statements a batch instead of a dozen commits an award (fd_badges/completion.py).
    "FD_BADGES_BATCH_SIZE": 200,
    # After the broker could not be reached, queue nothing for this long (the sweep finishes the awards).
    "FD_BADGES_ENQUEUE_BACKOFF_SECONDS": 30,
    # Bulk award files with more rows than this are read and awarded on the worker, with progress.
    "FD_BADGES_BULK_INLINE_ROWS": 2000,
    # Largest request body the verification endpoint accepts (bytes).
    "FD_BADGES_MAX_VERIFY_BYTES": 1024 * 1024,
    # Celery beat entry; the LMS/sandbox merges it into CELERY_BEAT_SCHEDULE.
    "FD_BADGES_BEAT_SCHEDULE": {
        "fd_badges.sweep": {"task": "fd_badges.tasks.sweep", "schedule": 300.0},
    },
    # Path-based did:web: the issuer is did:web:<host>:fd:badges, its DID document at
    # /fd/badges/did.json instead of /.well-known/did.json. Choose once: credentials name the DID.
    "FD_BADGES_DID_PATH_BASED": False,
    # LinkedIn "add to profile" organisation id (optional).
    "FD_BADGES_LINKEDIN_ORGANIZATION_ID": "",
}

# The kind of each task, for queues of their own (FD_TASK_QUEUES, see fd_core.queues).
TASK_KINDS = {
    "fd_badges.tasks.evaluate_learner": "awards",
    "fd_badges.tasks.award_badge": "awards",
    "fd_badges.tasks.complete_awards": "awards",
    "fd_badges.tasks.sweep": "awards",
    "fd_badges.tasks.run_bulk_job": "exports",
}


def plugin_settings(settings):
    apply_defaults(settings, DEFAULTS)
    apply_routes(settings, TASK_KINDS)
    merge_beat_schedule(settings, settings.FD_BADGES_BEAT_SCHEDULE)
