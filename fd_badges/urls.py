"""URLs of fd_badges, mounted by the plugin framework under /fd/badges/."""
app_name = "fd_badges"
urlpatterns = []
