using System.Globalization;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// The limits of one import (<see cref="KnowledgeBaseOptions"/>): rows, columns and kept errors. Readers call
/// <see cref="Row"/> before each data row and <see cref="Columns"/> on the header; going over a limit throws
/// <see cref="ImportRefusedException"/>, so a hostile file is refused as soon as it shows itself, not after it was read.
/// Errors past <see cref="KnowledgeBaseOptions.MaxImportErrors"/> are counted, not kept, so the report stays small.
/// </summary>
internal sealed class ImportBudget(KnowledgeBaseOptions options, List<ImportError> errors)
{
    private int _rows;

    /// <summary>Data rows a file may hold.</summary>
    public int MaxRows => options.MaxImportRows;

    /// <summary>Errors found but not kept.</summary>
    public int OmittedErrors { get; private set; }

    /// <summary>Counts one data row; refuses the file when it has more than the limit.</summary>
    public void Row()
    {
        Trim();
        if (++_rows > options.MaxImportRows)
            throw new ImportRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"文件超过 {options.MaxImportRows} 行的上限，未导入任何条目：请拆分成多个文件后分别导入"));
    }

    /// <summary>Refuses a header (or sheet) wider than the limit.</summary>
    public void Columns(int count)
    {
        if (count > options.MaxImportColumns)
            throw new ImportRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"表格有 {count} 列，超过 {options.MaxImportColumns} 列的上限，未导入任何条目：请只保留问答库的列"));
    }

    /// <summary>Keeps the first errors (they are in file order) and counts the rest.</summary>
    public void Trim()
    {
        var max = Math.Max(1, options.MaxImportErrors);
        if (errors.Count <= max) return;
        OmittedErrors += errors.Count - max;
        errors.RemoveRange(max, errors.Count - max);
    }
}

/// <summary>A bank file over an import limit: reading stopped, and the message says which limit.</summary>
internal sealed class ImportRefusedException(string message) : Exception(message);
