using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Core.Catalogue.Demo;

/// <summary>Small Word attachments for demo documents: a title and a table, as agencies attach forms and budget tables.</summary>
internal static class DemoAttachments
{
    public static byte[] Docx(string title, IReadOnlyList<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body(new Paragraph(new Run(new Text(title))));
            var table = new Table(new TableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
            foreach (var row in rows)
                table.Append(new TableRow(row.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve }))))));
            body.Append(table);
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        }
        return stream.ToArray();
    }
}
