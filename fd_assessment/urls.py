"""URLs of fd_assessment, mounted by the plugin framework under /fd/assessment/."""
app_name = "fd_assessment"
urlpatterns = []
