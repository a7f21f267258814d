"""Signal receivers of fd_progress, connected by the plugin framework through signals_config."""
