"""Service functions: each state change is one function `fn(ctx, *, actor_id, ...)` in one transaction."""
