# Firenze Digitale for Open edX: prepare Studio.
set -e
{%- if FIRENZE_DIGITALE_DEMO_CONTENT %}
# The demo courses shipped in the suite's course_content package (importing again updates them).
fd_courses="$(python -c 'import course_content, os; print(os.path.dirname(course_content.__file__))')"
for fd_course_xml in "$fd_courses"/*/course.xml; do
    ./manage.py cms import "$fd_courses" "$(basename "$(dirname "$fd_course_xml")")"
done
{%- else %}
echo "Firenze Digitale: demo courses not imported (FIRENZE_DIGITALE_DEMO_CONTENT is off)"
{%- endif %}
