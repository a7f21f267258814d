"""Request and response shapes of the REST API (also what drf-spectacular documents)."""
from rest_framework import serializers


class StartSerializer(serializers.Serializer):
    form = serializers.ChoiceField(choices=["short", "full"], default="short",
                                   error_messages={"invalid_choice": "Form must be 'short' or 'full'."})
    areas = serializers.ListField(child=serializers.ChoiceField(choices=["1", "2", "3", "4", "5"]),
                                  required=False, default=list, max_length=5)
    language = serializers.ChoiceField(choices=["it", "en"], default="it")
    cohort = serializers.CharField(required=False, allow_blank=True, default="", max_length=64)


class AnswerSerializer(serializers.Serializer):
    item_id = serializers.CharField(max_length=48, help_text="The question id, e.g. 's-spid-level2'.")
    value = serializers.CharField(max_length=8, help_text="A choice id: '0'-'4' for self-ratings, 'a'-'d' "
                                                          "or 'x' (I don't know) for questions.")
    version = serializers.CharField(max_length=16, required=False,
                                    help_text="The questionnaire version the answer was given for.")


class ChoiceSerializer(serializers.Serializer):
    id = serializers.CharField()
    label = serializers.CharField()


class ItemSerializer(serializers.Serializer):
    id = serializers.CharField()
    competence = serializers.CharField()
    competence_title = serializers.CharField()
    area = serializers.CharField()
    kind = serializers.ChoiceField(choices=["self_rating", "knowledge", "service"])
    difficulty = serializers.IntegerField()
    text = serializers.CharField()
    choices = ChoiceSerializer(many=True)


class QuestionnaireSerializer(serializers.Serializer):
    version = serializers.CharField()
    language = serializers.CharField()
    form = serializers.CharField()
    areas = serializers.ListField(child=serializers.CharField())
    attribution = serializers.ListField(child=serializers.CharField())
    items = ItemSerializer(many=True)


class StateSerializer(serializers.Serializer):
    attempt_id = serializers.IntegerField()
    version = serializers.CharField()
    status = serializers.ChoiceField(choices=["open", "completed"])
    form = serializers.CharField()
    areas = serializers.ListField(child=serializers.CharField())
    answered = serializers.IntegerField()
    total = serializers.IntegerField()
    answers = serializers.DictField(child=serializers.CharField())
    next_item = ItemSerializer(allow_null=True)
    course_key = serializers.CharField(allow_null=True)


class LevelSerializer(serializers.Serializer):
    score = serializers.FloatField()
    level8 = serializers.IntegerField()
    level4 = serializers.IntegerField()
    level4_name = serializers.CharField(required=False)


class CompetenceResultSerializer(LevelSerializer):
    id = serializers.CharField()
    title = serializers.CharField()
    self = serializers.FloatField(allow_null=True)
    knowledge = serializers.FloatField(allow_null=True)
    disagreement = serializers.ChoiceField(choices=["underrates", "overrates"], allow_null=True)


class AreaResultSerializer(LevelSerializer):
    id = serializers.CharField()
    title = serializers.CharField()
    competences = CompetenceResultSerializer(many=True)


class ResourceSerializer(serializers.Serializer):
    usage_key = serializers.CharField()
    course_key = serializers.CharField()
    competence_id = serializers.CharField()
    display_name = serializers.CharField()
    block_type = serializers.CharField()
    url = serializers.CharField()


class RecommendationSerializer(serializers.Serializer):
    competence_id = serializers.CharField()
    title = serializers.CharField()
    resources = ResourceSerializer(many=True)


class ReviewSerializer(serializers.Serializer):
    id = serializers.CharField()
    competence = serializers.CharField()
    text = serializers.CharField()
    your_answer = serializers.CharField()
    correct_answer = serializers.CharField()
    explanation = serializers.CharField()


class ResultsSerializer(serializers.Serializer):
    attempt_id = serializers.IntegerField()
    version = serializers.CharField()
    form = serializers.CharField()
    completed = serializers.DateTimeField()
    attempt_number = serializers.IntegerField()
    overall = LevelSerializer()
    areas = AreaResultSerializer(many=True)
    weights = serializers.DictField(child=serializers.FloatField())
    recommendations = RecommendationSerializer(many=True)
    review = ReviewSerializer(many=True, help_text="Questions answered wrongly or with \"I don't know\"")
    growth = serializers.JSONField(allow_null=True)
    first_attempt_id = serializers.IntegerField(allow_null=True)
    course_key = serializers.CharField(allow_null=True)


class HistorySerializer(serializers.Serializer):
    attempt_id = serializers.IntegerField()
    completed = serializers.DateTimeField()
    form = serializers.CharField()
    course_key = serializers.CharField(allow_null=True)
    overall = LevelSerializer()
    areas = serializers.JSONField()


class StatisticsRowSerializer(serializers.Serializer):
    dimension = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=["first", "retake"])
    count = serializers.IntegerField(allow_null=True, help_text="null when fewer than 5 (suppressed)")
    levels4 = serializers.ListField(child=serializers.IntegerField(allow_null=True))
    mean_score = serializers.FloatField(allow_null=True)


class GrowthRowSerializer(serializers.Serializer):
    dimension = serializers.CharField()
    title = serializers.CharField()
    retakes = serializers.IntegerField(allow_null=True)
    mean_change = serializers.FloatField(allow_null=True)


class StatisticsSerializer(serializers.Serializer):
    filters = serializers.DictField(child=serializers.CharField())
    people = serializers.IntegerField(allow_null=True)
    suppressed = serializers.BooleanField()
    rows = StatisticsRowSerializer(many=True)
    growth = GrowthRowSerializer(many=True)


class ErrorSerializer(serializers.Serializer):
    error = serializers.CharField()
