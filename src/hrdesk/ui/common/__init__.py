"""What every area's screens are built from: the background runner, the bridge from the core's
change events to Qt signals, the signed-in session, messages, styles, the display-row table model,
form parts and small widgets."""
