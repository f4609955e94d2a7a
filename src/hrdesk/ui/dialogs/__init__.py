"""Dialogs: each holds its generated Designer form by composition and calls one service."""
