# Firenze Digitale for Open edX: prepare the LMS (each step may run again and changes nothing then).
set -e
# The apps' tables (Tutor's own init already migrates; this keeps the plugin's init self-contained).
./manage.py lms migrate --noinput
# The video pill reports completion through edx-completion, which counts only with this switch on.
./manage.py lms waffle_switch --create completion.enable_completion_tracking on
# The badge issuer (did:web:{{ FIRENZE_DIGITALE_ISSUER_DOMAIN }}) and its first signing key.
./manage.py lms fd_badges_issuer \
    --domain "{{ FIRENZE_DIGITALE_ISSUER_DOMAIN }}" \
    --name "{{ FIRENZE_DIGITALE_ISSUER_NAME }}" \
    --url "{{ FIRENZE_DIGITALE_ISSUER_URL }}" \
    --email "{{ FIRENZE_DIGITALE_ISSUER_EMAIL }}"
