"""The last seat taken twice at once gives one seat (MariaDB, real threads, the session row locked)."""
import threading

import pytest
from django.db import connection

from fd_calendar.booking import BookingError, register_guest, register_user
from fd_calendar.models import Registration

from .conftest import make_session

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _race(actions):
    start = threading.Barrier(len(actions))
    results, errors = [], []

    def run(action):
        try:
            start.wait()
            results.append(action())
        except BookingError as exc:
            results.append(exc)
        except Exception as exc:  # a deadlock or a duplicate seat must fail the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    return results


def test_two_people_taking_the_last_seat_at_once_get_one_seat_and_one_waiting_place(django_user_model):
    assert connection.vendor == "mysql"
    session = make_session(capacity=3)
    users = [django_user_model.objects.create_user(f"corsa{n}") for n in range(4)]
    register_user(session, users[0])
    register_user(session, users[1])
    _race([lambda user=user: register_user(session, user, wait_if_full=True) for user in users[2:]])
    rows = Registration.objects.filter(session=session)
    assert rows.filter(status="confirmed").count() == 3
    assert sorted(rows.exclude(seat_number=None).values_list("seat_number", flat=True)) == [1, 2, 3]
    assert rows.filter(status="waiting").count() == 1


def test_eight_guests_racing_for_two_seats_without_a_waiting_list(django_user_model):
    session = make_session(capacity=2)
    results = _race([lambda n=n: register_guest(session, f"Ospite{n}", phone=f"333 000 00{n}", consent=True)
                     for n in range(8)])
    assert sum(isinstance(result, Registration) for result in results) == 2
    assert sum(isinstance(result, BookingError) and result.status == 409 for result in results) == 6
    assert Registration.objects.filter(session=session, status="confirmed").count() == 2


def test_the_same_person_clicking_twice_at_once_registers_once(django_user_model):
    session = make_session(capacity=5)
    user = django_user_model.objects.create_user("doppio")
    results = _race([lambda: register_user(session, user), lambda: register_user(session, user)])
    assert sum(isinstance(result, Registration) for result in results) == 1
    assert Registration.objects.filter(session=session, user=user).count() == 1
