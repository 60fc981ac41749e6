"""The course hub: JupyterHub for a class on one machine (hub/demo.py, hub/jupyterhub_config.py, docs/hub.md)."""
