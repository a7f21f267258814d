"""URLs of fd_assessment, mounted by the plugin framework under /fd/assessment/."""
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from fd_core.rest import not_found_patterns

from . import rest, views

app_name = "fd_assessment"

api_patterns = [
    path("questionnaire/", rest.QuestionnaireView.as_view(), name="api_questionnaire"),
    path("attempts/", rest.AttemptsView.as_view(), name="api_attempts"),
    path("attempts/<int:attempt_id>/", rest.AttemptView.as_view(), name="api_attempt"),
    path("attempts/<int:attempt_id>/answers/", rest.AnswerView.as_view(), name="api_answers"),
    path("attempts/<int:attempt_id>/submit/", rest.SubmitView.as_view(), name="api_submit"),
    path("attempts/<int:attempt_id>/results/", rest.ResultsView.as_view(), name="api_results"),
    path("history/", rest.HistoryView.as_view(), name="api_history"),
    path("statistics/", rest.StatisticsView.as_view(), name="api_statistics"),
    path("statistics/csv/", rest.StatisticsCsvView.as_view(), name="api_statistics_csv"),
    path("schema/", SpectacularAPIView.as_view(urlconf="fd_assessment.schema_urls"), name="api_schema"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    path("attempt/<int:attempt_id>/", views.take, name="take"),
    path("attempt/<int:attempt_id>/submit/", views.submit, name="submit"),
    path("results/<int:attempt_id>/", views.results, name="results"),
    path("staff/statistics/", views.staff_statistics, name="statistics"),
    path("staff/statistics.csv", views.staff_statistics_csv, name="statistics_csv"),
    path("api/v1/", include([*api_patterns, *not_found_patterns("error")])),
]
