namespace GovAssistant.KnowledgeBase;

/// <summary>The file formats a bank can be imported from and exported to.</summary>
public enum BankFileFormat
{
    /// <summary>JSON Lines (<c>.jsonl</c>): one entry object per line, UTF-8.</summary>
    JsonLines,

    /// <summary>CSV (<c>.csv</c>): RFC 4180, comma separated, UTF-8, header row of field names.</summary>
    Csv,

    /// <summary>Excel workbook (<c>.xlsx</c>): first worksheet, header row of field names.</summary>
    Xlsx,
}

/// <summary>Maps file names to <see cref="BankFileFormat"/>s and back.</summary>
public static class BankFileFormats
{
    /// <summary>The format a file name's extension says (<c>.jsonl</c>, <c>.csv</c>, <c>.xlsx</c>, any case), or null.</summary>
    public static BankFileFormat? FromFileName(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".jsonl" => BankFileFormat.JsonLines,
            ".csv" => BankFileFormat.Csv,
            ".xlsx" => BankFileFormat.Xlsx,
            _ => null,
        };

    /// <summary>The usual extension of a format, with its dot, e.g. <c>.jsonl</c>.</summary>
    public static string Extension(BankFileFormat format) => format switch
    {
        BankFileFormat.JsonLines => ".jsonl",
        BankFileFormat.Csv => ".csv",
        BankFileFormat.Xlsx => ".xlsx",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
