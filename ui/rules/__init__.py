"""The "Automatic sends" page: the rule list and the rule editor wizard."""
