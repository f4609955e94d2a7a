"""The core of HRDesk: domain rules, services, persistence and exports. Never imports Qt."""
