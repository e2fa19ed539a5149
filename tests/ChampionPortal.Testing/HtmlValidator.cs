using System.Diagnostics;
using System.Text.Json;

namespace ChampionPortal.Testing;

/// <summary>
/// Validates pages as a browser-independent HTML checker would, with html-validate (restored from npm with the
/// front-end packages; Node is already needed to build). The pages are written to artifacts/html/{set}/ for reading,
/// and the problems come back as "page line:column rule: message".
/// </summary>
public static class HtmlValidator
{
    public static async Task<IReadOnlyList<string>> ValidateAsync(string set, IEnumerable<(string Name, string Html)> pages)
    {
        var root = TestPaths.RepositoryRoot?.FullName ?? throw new InvalidOperationException("ChampionPortal.sln not found above the test output.");
        var folder = TestPaths.Artifacts(Path.Combine("html", set));
        foreach (var old in Directory.EnumerateFiles(folder, "*.html"))
        {
            File.Delete(old);
        }

        var files = new List<string>();
        foreach (var (name, html) in pages)
        {
            var file = Path.Combine(folder, string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '_')).Trim('_') + ".html");
            await File.WriteAllTextAsync(file, html);
            files.Add(file);
        }

        if (files.Count == 0)
        {
            return [];
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The report goes to a file: node may exit before a long report piped to standard output is all written.
        var reportFile = Path.Combine(folder, "report.json");
        File.Delete(reportFile);
        foreach (var argument in new[] { Path.Combine(root, "node_modules", "html-validate", "bin", "html-validate.mjs"), "--config", Path.Combine(root, "tests", "html-validate.json"), "--formatter", $"json={reportFile}" })
        {
            start.ArgumentList.Add(argument);
        }

        files.ForEach(start.ArgumentList.Add);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        await output;
        var text = File.Exists(reportFile) ? await File.ReadAllTextAsync(reportFile) : "";
        if (text.Trim().Length == 0)
        {
            throw new InvalidOperationException($"html-validate gave no report (exit {node.ExitCode}): {await errors}");
        }

        using var report = JsonDocument.Parse(text);
        return
        [
            .. report.RootElement.EnumerateArray().SelectMany(result => result.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("severity").GetInt32() >= 2)
                .Select(m => $"{Path.GetFileName(result.GetProperty("filePath").GetString())} {m.GetProperty("line").GetInt32()}:{m.GetProperty("column").GetInt32()} "
                    + $"{m.GetProperty("ruleId").GetString()}: {m.GetProperty("message").GetString()}")),
        ];
    }
}
