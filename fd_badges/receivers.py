"""Signal receivers of fd_badges, connected by the plugin framework through signals_config."""
