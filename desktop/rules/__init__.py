"""Rules: the model and its JSON, conditions compiled to SQL, the check that books sends,
frequency caps and conflicts."""
