"""What a notebook calls: the session (its entry point), exercises, notebook tooling."""
