"""The application around the areas: start-up (set-up, unlock, sign-in), the main window with its
navigation, and the Qt environment (fonts, translations)."""
