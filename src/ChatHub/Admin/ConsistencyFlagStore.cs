using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Data.Common;
using Dapper;
using GovAssistant.ChatHub.Storage;
using GovAssistant.QaEngine.Consistency;

namespace GovAssistant.ChatHub.Admin;

/// <summary>A stored consistency flag and what a reviewer decided about it.</summary>
public sealed record StoredFlag(string PairKey, string FirstId, string SecondId, string? FirstDepartment, string? SecondDepartment,
    double Similarity, string FirstPhrasing, string SecondPhrasing, IReadOnlyList<StoredConflict> Conflicts, string Status,
    DateTimeOffset DetectedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote, string? DraftIds)
{
    /// <summary>True when two departments disagree.</summary>
    public bool CrossDepartment => FirstDepartment != SecondDepartment;
}

/// <summary>One disagreement of a stored flag: the kind (fee, timeLimit …) and the values only each side states.</summary>
public sealed record StoredConflict(string Kind, IReadOnlyList<string> OnlyInFirst, IReadOnlyList<string> OnlyInSecond);

/// <summary>
/// The consistency flags (<see cref="SqliteConsistencyFlagStore"/> or <see cref="PostgresConsistencyFlagStore"/>). A run replaces what the checker found; a pair a reviewer
/// dismissed or linked keeps that decision while both answers stay the same (their fingerprint), and opens again
/// once either answer changes.
/// </summary>
public abstract class ConsistencyFlagStore
{
    /// <summary>Statuses of a flag.</summary>
    public static readonly string[] Statuses = ["open", "dismissed", "linked", "merged", "resolved"];

    /// <summary>An open connection with a transaction that keeps every other sync out until it ends.</summary>
    protected abstract Task<(DbConnection Connection, DbTransaction Transaction)> BeginSyncAsync();

    /// <summary>An open connection.</summary>
    protected abstract Task<DbConnection> OpenAsync();

    /// <summary>A time as this provider stores it.</summary>
    protected abstract object Stamp(DateTimeOffset at);

    /// <summary>The SQL expression storing the JSON parameter @conflicts.</summary>
    protected abstract string ConflictsJson { get; }

    /// <summary>Stores the result of a run; returns how many flags are open afterwards.</summary>
    public async Task<int> SyncAsync(IReadOnlyList<ConsistencyFlag> found, DateTimeOffset at)
    {
        var (connection, transaction) = await BeginSyncAsync();
        await using var _ = connection;
        await using var __ = transaction;
        var known = (await connection.QueryAsync<(string Key, string Fingerprint, string Status)>(
            "SELECT pair_key, fingerprint, status FROM consistency_flags;", transaction: transaction)).ToDictionary(r => r.Key);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flag in found)
        {
            seen.Add(flag.PairKey);
            var fingerprint = Fingerprint(flag);
            var keep = known.TryGetValue(flag.PairKey, out var row) && row.Fingerprint == fingerprint && row.Status != "resolved";
            await connection.ExecuteAsync($"""
                INSERT INTO consistency_flags (pair_key, first_id, second_id, first_department, second_department, similarity,
                    first_phrasing, second_phrasing, conflicts_json, fingerprint, status, detected_at)
                VALUES (@key, @first, @second, @d1, @d2, @similarity, @p1, @p2, {ConflictsJson}, @fingerprint, 'open', @at)
                ON CONFLICT (pair_key) DO UPDATE SET first_department = excluded.first_department, second_department = excluded.second_department,
                    similarity = excluded.similarity, first_phrasing = excluded.first_phrasing, second_phrasing = excluded.second_phrasing,
                    conflicts_json = excluded.conflicts_json, fingerprint = excluded.fingerprint,
                    status = CASE WHEN @keep THEN consistency_flags.status ELSE 'open' END,
                    detected_at = CASE WHEN @keep THEN consistency_flags.detected_at ELSE excluded.detected_at END,
                    decided_by = CASE WHEN @keep THEN consistency_flags.decided_by END,
                    decided_at = CASE WHEN @keep THEN consistency_flags.decided_at END,
                    decision_note = CASE WHEN @keep THEN consistency_flags.decision_note END,
                    draft_ids = CASE WHEN @keep THEN consistency_flags.draft_ids END;
                """, new
            {
                key = flag.PairKey, first = flag.First.Id, second = flag.Second.Id, d1 = flag.First.Department, d2 = flag.Second.Department,
                similarity = flag.Similarity, p1 = flag.FirstPhrasing, p2 = flag.SecondPhrasing,
                conflicts = JsonSerializer.Serialize(flag.Conflicts.Select(ToStored), JsonSerializerOptions.Web), fingerprint,
                at = Stamp(at), keep,
            }, transaction);
        }
        // Open pairs no longer found were fixed by an edit.
        foreach (var (key, row) in known)
            if (!seen.Contains(key) && row.Status == "open")
                await connection.ExecuteAsync("UPDATE consistency_flags SET status = 'resolved' WHERE pair_key = @key;", new { key }, transaction);
        var open = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM consistency_flags WHERE status = 'open';", transaction: transaction);
        await transaction.CommitAsync();
        return open;
    }

    /// <summary>Flags with <paramref name="status"/> (all when null), cross-department first.</summary>
    public async Task<IReadOnlyList<StoredFlag>> ListAsync(string? status)
    {
        await using var connection = await OpenAsync();
        var rows = await connection.QueryAsync<Row>("""
            SELECT pair_key AS PairKey, first_id AS FirstId, second_id AS SecondId, first_department AS FirstDepartment,
                   second_department AS SecondDepartment, similarity AS Similarity, first_phrasing AS FirstPhrasing,
                   second_phrasing AS SecondPhrasing, conflicts_json AS ConflictsJson, status AS Status, detected_at AS DetectedAt,
                   decided_by AS DecidedBy, decided_at AS DecidedAt, decision_note AS DecisionNote, draft_ids AS DraftIds
            FROM consistency_flags WHERE @status IS NULL OR status = @status ORDER BY pair_key;
            """, new { status });
        return [.. rows.Select(r => r.ToFlag()).OrderByDescending(f => f.CrossDepartment).ThenByDescending(f => f.Similarity)];
    }

    /// <summary>The flag of one pair, or null.</summary>
    public async Task<StoredFlag?> GetAsync(string pairKey) => (await ListAsync(null)).FirstOrDefault(f => f.PairKey == pairKey);

    /// <summary>Records a reviewer's decision on a pair.</summary>
    public async Task DecideAsync(string pairKey, string status, string by, string? note, string? draftIds, DateTimeOffset at)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync("""
            UPDATE consistency_flags SET status = @status, decided_by = @by, decided_at = @at, decision_note = @note, draft_ids = @draftIds
            WHERE pair_key = @pairKey;
            """, new { pairKey, status, by, at = Stamp(at), note, draftIds });
    }

    private static StoredConflict ToStored(FactConflict c) =>
        new(JsonNamingPolicy.CamelCase.ConvertName(c.Kind.ToString()), c.OnlyInFirst, c.OnlyInSecond);

    // Both answers (and owners): a change to either reopens a dismissed pair.
    private static string Fingerprint(ConsistencyFlag flag) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\u0001', flag.First.Answer, flag.Second.Answer, flag.First.Department ?? "", flag.Second.Department ?? ""))))[..32];


    private sealed class Row
    {
        public string PairKey { get; set; } = "";
        public string FirstId { get; set; } = "";
        public string SecondId { get; set; } = "";
        public string? FirstDepartment { get; set; }
        public string? SecondDepartment { get; set; }
        public double Similarity { get; set; }
        public string FirstPhrasing { get; set; } = "";
        public string SecondPhrasing { get; set; } = "";
        public string ConflictsJson { get; set; } = "[]";
        public string Status { get; set; } = "";
        public object DetectedAt { get; set; } = "";
        public string? DecidedBy { get; set; }
        public object? DecidedAt { get; set; }
        public string? DecisionNote { get; set; }
        public string? DraftIds { get; set; }

        public StoredFlag ToFlag() => new(PairKey, FirstId, SecondId, FirstDepartment, SecondDepartment, Similarity, FirstPhrasing, SecondPhrasing,
            JsonSerializer.Deserialize<List<StoredConflict>>(ConflictsJson, JsonSerializerOptions.Web) ?? [], Status,
            StoredTime.Read(DetectedAt), DecidedBy, StoredTime.ReadOptional(DecidedAt), DecisionNote, DraftIds);
    }
}
