"""Pure rules: plain values in, plain values out; no database, no Qt."""
