"""The web layer: the Django project and its apps, built on the core packages below it."""
