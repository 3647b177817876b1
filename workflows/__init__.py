"""Workflow core: data model, state machine, services, authorization, audit trail, file store, CLI."""
