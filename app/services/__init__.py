"""Pure meeting logic: no Qt, no SQL, no I/O."""
