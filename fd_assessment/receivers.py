"""Signal receivers of fd_assessment, connected by the plugin framework through signals_config."""
