using System.Xml.Linq;

namespace Parley.Server.IntegrationTests;

/// <summary>References point inward (docs/architecture.md): the compiler keeps the layers apart only if the project files do.</summary>
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Parley.Core"] = [],
        ["Parley.Protocols.Line"] = [],
        ["Parley.Protocols.Irc"] = [],
        ["Parley.FrontEnds"] = ["Parley.Core", "Parley.Protocols.Line", "Parley.Protocols.Irc"],
        ["Parley.Storage.Sqlite"] = ["Parley.Core"],
        ["Parley.Server"] = ["Parley.FrontEnds", "Parley.Storage.Sqlite"],
        ["Parley.Client"] = ["Parley.Protocols.Line"],
        ["Parley.Cli"] = ["Parley.Client"],
    };

    [Fact]
    public void Every_source_project_references_only_the_projects_its_layer_allows()
    {
        var src = Path.Combine(RepositoryRoot.Find(), "src");
        var projects = Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories);
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            Assert.True(Allowed.ContainsKey(name), $"{name} has no layer rule in {nameof(ArchitectureTests)}");
            var references = XDocument.Load(project).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value));
            Assert.All(references, r => Assert.Contains(r, Allowed[name]));
        }
    }
}
