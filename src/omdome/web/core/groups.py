"""Keep one group per role with exactly the role's permissions (after every migrate)."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

from omdome.web.core.roles import ROLE_PERMISSIONS, Role


def ensure_role_groups(sender=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """Permissions exist only after migrate has run for every app, hence a post_migrate receiver."""
    using = kwargs.get("using", "default")
    everything = {name for names in ROLE_PERMISSIONS.values() for name in names}
    for role, names in ROLE_PERMISSIONS.items():
        if role == Role.ADMIN:
            names = tuple(sorted(everything))  # an administrator holds every role
        group, _created = Group.objects.using(using).get_or_create(name=role.value)
        wanted = []
        for name in names:
            app_label, codename = name.split(".")
            permission = Permission.objects.using(using).filter(content_type__app_label=app_label,
                                                                codename=codename).first()
            if permission is not None:
                wanted.append(permission)
        group.permissions.set(wanted)
