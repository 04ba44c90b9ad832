using System.Text.Json;
using GovAssistant.ChatHub.Insights;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Conversations;

// Rows as both providers return them: settable, with times as object (ISO text from SQLite, a UTC DateTime from
// PostgreSQL, read by StoredTime), so Dapper converts each provider's column types into one shape.
public abstract partial class ConversationStore
{
    private object Parameters(Conversation c)
    {
        var r = c.ToRecord();
        return new
        {
            r.Id, r.VisitorId, r.Channel, State = r.State.ToString(), r.Category, r.Department,
            Agents = JsonSerializer.Serialize(r.Agents), CreatedAt = Sql.Stamp(r.CreatedAt), UpdatedAt = Sql.Stamp(r.UpdatedAt),
            QueuedAt = Sql.Stamp(r.QueuedAt), AcceptedAt = Sql.Stamp(r.AcceptedAt), ClosedAt = Sql.Stamp(r.ClosedAt),
            r.Contact, r.Rating, r.RatingComment, r.Version,
        };
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string VisitorId { get; set; } = "";
        public string Channel { get; set; } = "";
        public string State { get; set; } = "";
        public string? Category { get; set; }
        public string? Department { get; set; }
        public string Agents { get; set; } = "[]";
        public object CreatedAt { get; set; } = "";
        public object UpdatedAt { get; set; } = "";
        public object? QueuedAt { get; set; }
        public object? AcceptedAt { get; set; }
        public object? ClosedAt { get; set; }
        public string? Contact { get; set; }
        public int? Rating { get; set; }
        public string? RatingComment { get; set; }
        public long Version { get; set; }

        public Conversation ToConversation() => Conversation.Restore(new ConversationRecord(
            Id, VisitorId, Channel, Enum.Parse<ConversationState>(State), Category, Department,
            JsonSerializer.Deserialize<string[]>(Agents) ?? [], StoredTime.Read(CreatedAt), StoredTime.Read(UpdatedAt),
            StoredTime.ReadOptional(QueuedAt), StoredTime.ReadOptional(AcceptedAt), StoredTime.ReadOptional(ClosedAt),
            Contact, Rating, RatingComment, Version));
    }

    private protected class MessageRow
    {
        public string ConversationId { get; set; } = "";
        public long Seq { get; set; }
        public string Sender { get; set; } = "";
        public string? SenderId { get; set; }
        public string? SenderName { get; set; }
        public string Text { get; set; } = "";
        public object At { get; set; } = "";
        public string Channel { get; set; } = "";
        public string? Data { get; set; }

        public ChatMessage ToMessage() => new(
            ConversationId, Seq, Enum.Parse<SenderKind>(Sender), SenderId, SenderName, Text, StoredTime.Read(At), Channel, Data);
    }

    /// <summary>A claimed outbox row with its message (<see cref="OutboxColumns"/>).</summary>
    private protected sealed class OutboxRow : MessageRow
    {
        public long OutboxId { get; set; }
        public string VisitorId { get; set; } = "";

        public OutboxItem ToItem() => new(OutboxId, VisitorId, ToMessage());
    }

    private sealed class FactRow
    {
        public string Id { get; set; } = "";
        public string Channel { get; set; } = "";
        public string State { get; set; } = "";
        public string? Category { get; set; }
        public string? Department { get; set; }
        public object CreatedAt { get; set; } = "";
        public object? ClosedAt { get; set; }
        public int? Rating { get; set; }
        public string? RatingComment { get; set; }

        public ConversationFact ToFact(IReadOnlyList<MilestoneMessage> milestones) => new(
            Id, Channel, State, Category, Department, StoredTime.Read(CreatedAt), StoredTime.ReadOptional(ClosedAt),
            Rating, RatingComment, milestones);
    }

    private sealed class MilestoneRow
    {
        public string ConversationId { get; set; } = "";
        public string Sender { get; set; } = "";
        public object At { get; set; } = "";
        public string? Data { get; set; }

        public DateTimeOffset Time => StoredTime.Read(At);
    }
}
