"""The reference central server: receives device batches, applies each record once.

Stateless API processes over one database (SQLite file or PostgreSQL), so several
can run behind a load balancer. Start it with ``hmis-intake-server serve``.
"""
