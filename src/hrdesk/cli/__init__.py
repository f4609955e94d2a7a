"""The command line (``hrdesk …``): one module per command group, registered by :mod:`.main`;
:mod:`.common` holds what they share. Every command acts through the core services."""
