"""URLs of fd_progress, mounted by the plugin framework under /fd/progress/."""

app_name = "fd_progress"
urlpatterns = []
