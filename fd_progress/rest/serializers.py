"""Serializers of the fd_progress REST API, with validation messages a person understands."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..activities import record_session
from ..metrics import Metric, ScopeType
from ..models import AssistanceLog, FacilitationPoint, Milestone, Target, TrainingSession


class KnownChoiceField(serializers.ChoiceField):
    """A choice field whose error lists the values that are accepted."""

    default_error_messages = {"invalid_choice": _('"{input}" is not one of: {choices}.')}

    def to_internal_value(self, data):
        if data == "" and self.allow_blank:
            return ""
        try:
            return self.choice_strings_to_values[str(data)]
        except KeyError:
            self.fail("invalid_choice", input=data, choices=", ".join(self.choice_strings_to_values))


def _choice(choices, **kwargs):
    return KnownChoiceField(choices=choices, **kwargs)


class MilestoneSerializer(serializers.ModelSerializer):
    value = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        min_value=0,
        error_messages={"min_value": _("A milestone cannot be negative.")},
    )

    class Meta:
        model = Milestone
        fields = ["date", "value"]

    def validate(self, attrs):
        # A PATCH makes every field optional, nested ones too; but the milestones sent replace the
        # stored ones whole, so each needs its date and value even then.
        missing = {name: [field.error_messages["required"]] for name, field in self.fields.items()
                   if name not in attrs}
        if missing:
            raise serializers.ValidationError(missing)
        return attrs


class TargetSerializer(serializers.ModelSerializer):
    metric = _choice(Metric.choices)
    scope_type = _choice(ScopeType.choices, required=False)
    goal = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        min_value=0,
        error_messages={"min_value": _("The goal cannot be negative.")},
    )
    milestones = MilestoneSerializer(many=True, required=False)
    progress = serializers.SerializerMethodField()

    class Meta:
        model = Target
        fields = [
            "id",
            "title_it",
            "title_en",
            "metric",
            "scope_type",
            "scope_value",
            "period_start",
            "deadline",
            "goal",
            "is_public",
            "milestones",
            "progress",
        ]

    def get_progress(self, target) -> dict:
        item = self.context.get("progress", {}).get(target.pk)
        if item is None:
            return {}
        return {
            "value": round(item.value, 2),
            "percent": round(item.percent, 1),
            "expected_at_deadline": round(item.forecast.expected, 2),
            "weekly_rate_needed": round(item.forecast.weekly_needed, 2),
            "status": item.forecast.status,
        }

    def validate(self, attrs):
        start = attrs.get("period_start", getattr(self.instance, "period_start", None))
        deadline = attrs.get("deadline", getattr(self.instance, "deadline", None))
        if start and deadline and deadline <= start:
            raise serializers.ValidationError(
                {"deadline": _("The deadline must come after the start of the period.")}
            )
        scope_type = attrs.get("scope_type", getattr(self.instance, "scope_type", ScopeType.PROGRAMME))
        scope_value = attrs.get("scope_value", getattr(self.instance, "scope_value", ""))
        if scope_type != ScopeType.PROGRAMME and not (scope_value or "").strip():
            raise serializers.ValidationError({"scope_value": _("Say which one: this scope needs a value.")})
        if scope_type == ScopeType.PROGRAMME:
            attrs["scope_value"] = ""
        for milestone in attrs.get("milestones", []):
            if start and deadline and not start <= milestone["date"] <= deadline:
                raise serializers.ValidationError(
                    {
                        "milestones": _(
                            "Every milestone must fall between the start of the period and the deadline."
                        )
                    }
                )
        return attrs

    @transaction.atomic
    def create(self, validated_data):
        milestones = validated_data.pop("milestones", [])
        target = Target.objects.create(**validated_data)
        Milestone.objects.bulk_create([Milestone(target=target, **item) for item in milestones])
        return target

    @transaction.atomic
    def update(self, instance, validated_data):
        milestones = validated_data.pop("milestones", None)
        target = super().update(instance, validated_data)
        if milestones is not None:
            target.milestones.all().delete()
            Milestone.objects.bulk_create([Milestone(target=target, **item) for item in milestones])
        return target


class FacilitationPointSerializer(serializers.ModelSerializer):
    class Meta:
        model = FacilitationPoint
        fields = ["id", "name", "district", "organisation", "weekly_hours", "active"]


class TrainingSessionSerializer(serializers.ModelSerializer):
    kind = _choice(TrainingSession.Kind.choices)
    head_count = serializers.IntegerField(read_only=True)
    attendances = serializers.IntegerField(source="attendances.count", read_only=True)

    class Meta:
        model = TrainingSession
        fields = [
            "id",
            "title",
            "kind",
            "date",
            "place",
            "partner",
            "district",
            "school",
            "facilitation_point",
            "head_count",
            "attendances",
        ]

    def create(self, validated_data):
        session = super().create(validated_data)
        record_session(session)
        return session


class AttendanceSerializer(serializers.Serializer):
    session = serializers.IntegerField(help_text=_("Id of the training session."))
    users = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        default=list,
        max_length=5000,
        help_text=_("Ids of registered users who attended."),
    )
    head_count = serializers.IntegerField(
        min_value=0,
        max_value=100000,
        required=False,
        default=0,
        help_text=_("People who attended without an account."),
        error_messages={"min_value": _("The head count cannot be negative.")},
    )

    def validate_session(self, value):
        session = TrainingSession.objects.filter(pk=value).first()
        if session is None:
            raise serializers.ValidationError(
                _("There is no training session with id %(id)s.") % {"id": value}
            )
        return session

    def validate_users(self, value):
        wanted = set(value)
        found = set(get_user_model().objects.filter(pk__in=wanted).values_list("pk", flat=True))
        missing = sorted(wanted - found)
        if missing:
            raise serializers.ValidationError(
                _("These users do not exist: %(ids)s.") % {"ids": ", ".join(map(str, missing))}
            )
        return sorted(wanted)

    def validate(self, attrs):
        if not attrs.get("users") and not attrs.get("head_count"):
            raise serializers.ValidationError(_("Give the users who attended, a head count, or both."))
        return attrs


class AssistanceLogSerializer(serializers.ModelSerializer):
    hours = serializers.DecimalField(
        max_digits=6,
        decimal_places=2,
        min_value=0,
        max_value=168,
        error_messages={
            "min_value": _("Hours cannot be negative."),
            "max_value": _("A log cannot hold more than 168 hours (one week)."),
        },
    )

    class Meta:
        model = AssistanceLog
        fields = ["id", "facilitation_point", "date", "hours", "people"]
