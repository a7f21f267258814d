"""Schools and teachers from CSV: management command and admin page; bad rows named, nothing written."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from fd_classroom.models import School, TeacherRole

pytestmark = pytest.mark.django_db


def test_schools_import_adds_and_updates(tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text("name,code,district\nScuola Dante,FIEE00001,Quartiere 1\nScuola Pascoli,,Quartiere 4\n")
    call_command("fd_classroom_import", "schools", str(path))
    path.write_text("name,code,district\nScuola Dante,FIEE00002,Quartiere 1\n")
    call_command("fd_classroom_import", "schools", str(path))
    assert dict(School.objects.values_list("name", "code")) == {"Scuola Dante": "FIEE00002", "Scuola Pascoli": ""}


def test_teachers_import_grants_the_role(tmp_path, django_user_model):
    School.objects.create(name="Scuola Dante")
    django_user_model.objects.create_user("rossi", email="rossi@scuola.example")
    django_user_model.objects.create_user("bianchi", email="bianchi@scuola.example")
    path = tmp_path / "teachers.csv"
    path.write_text("username,email,school\nrossi,,Scuola Dante\n,BIANCHI@scuola.example,\n")
    call_command("fd_classroom_import", "teachers", str(path))
    roles = {role.user.username: role.school for role in TeacherRole.objects.select_related("user", "school")}
    assert set(roles) == {"rossi", "bianchi"} and roles["rossi"].name == "Scuola Dante" and roles["bianchi"] is None


def test_bad_rows_are_listed_and_nothing_is_imported(tmp_path, django_user_model):
    django_user_model.objects.create_user("rossi")
    path = tmp_path / "teachers.csv"
    path.write_text("username,email,school\nrossi,,\nnessuno,,\n,,\nrossi,,Scuola inventata\n")
    with pytest.raises(CommandError) as caught:
        call_command("fd_classroom_import", "teachers", str(path))
    message = str(caught.value)
    assert "Row 3: no account with username 'nessuno'" in message
    assert "Row 4: give a username or an e-mail address." in message
    assert "Row 5: no school named 'Scuola inventata'" in message
    assert not TeacherRole.objects.exists()


def test_a_file_without_the_needed_columns_is_refused(tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text("scuola\nDante\n")
    with pytest.raises(CommandError, match="missing: name"):
        call_command("fd_classroom_import", "schools", str(path))


def test_admin_import_page_shows_bad_rows_with_a_400(admin_client):
    upload = SimpleUploadedFile("schools.csv", b"name\n\nScuola A\nScuola A\n", content_type="text/csv")
    response = admin_client.post("/admin/fd_classroom/school/import/", {"file": upload})
    assert response.status_code == 400
    assert "appears twice" in response.content.decode()
    assert not School.objects.exists()
    good = SimpleUploadedFile("schools.csv", b"name\nScuola Agnesi\n", content_type="text/csv")
    response = admin_client.post("/admin/fd_classroom/school/import/", {"file": good})
    assert response.status_code == 302
    assert School.objects.get().name == "Scuola Agnesi"


def test_admin_actions_approve_and_withdraw(admin_client, django_user_model):
    role = TeacherRole.objects.create(user=django_user_model.objects.create_user("verdi"), approved=False)
    admin_client.post("/admin/fd_classroom/teacherrole/", {"action": "approve", "_selected_action": [role.pk]})
    role.refresh_from_db()
    assert role.approved
    admin_client.post("/admin/fd_classroom/teacherrole/", {"action": "revoke", "_selected_action": [role.pk]})
    role.refresh_from_db()
    assert not role.approved


def test_a_non_utf8_file_gets_a_clear_message(admin_client):
    upload = SimpleUploadedFile("schools.csv", "name\nScuola Città\n".encode("latin-1"), content_type="text/csv")
    response = admin_client.post("/admin/fd_classroom/school/import/", {"file": upload})
    assert response.status_code == 400 and "UTF-8" in response.content.decode()
