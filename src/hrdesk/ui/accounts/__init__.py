"""用户账号: the accounts page, its dialogs, sign-in and changing one's own password."""
