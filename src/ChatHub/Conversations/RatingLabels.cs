namespace GovAssistant.ChatHub.Conversations;

/// <summary>The five levels of the 好差评 scale.</summary>
public static class RatingLabels
{
    private static readonly string[] Labels = ["非常不满意", "不满意", "基本满意", "满意", "非常满意"];

    /// <summary>The label of a rating from 1 to 5.</summary>
    public static string Of(int rating) => rating is >= 1 and <= 5 ? Labels[rating - 1] : "未评价";

    /// <summary>差评: 不满意 or 非常不满意, flagged for supervisor follow-up.</summary>
    public static bool IsBad(int rating) => rating <= 2;
}
