using System.Text.RegularExpressions;
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
        ["Parley.Cluster.RabbitMq"] = ["Parley.Core"],
        ["Parley.Storage.Postgres"] = ["Parley.Core"],
        ["Parley.Server"] = ["Parley.FrontEnds", "Parley.Storage.Sqlite", "Parley.Storage.Postgres", "Parley.Cluster.RabbitMq"],
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

    [Fact]
    public void The_server_names_a_store_project_only_where_a_provider_name_maps_to_its_registration()
    {
        var server = Path.Combine(RepositoryRoot.Find(), "src", "Parley.Server");
        var registration = Path.Combine(server, "Hosting", "StorageProviders.cs");
        // A namespace or a type of a store project (SqliteDatabase, PostgresStoreOptions, Parley.Storage.Sqlite, Npgsql); the words SQLite and PostgreSQL in prose are fine.
        var storeType = new Regex(@"\bParley\.Storage\.|\bSqlite[A-Z]\w*|\bMicrosoft\.Data\.Sqlite\b|\bPostgres(?!QL\b)[A-Z]\w*|\bNpgsql[A-Z]\w*|\busing Npgsql\b");
        var offenders = Directory.GetFiles(server, "*.cs", SearchOption.AllDirectories)
            .Where(f => f != registration && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => storeType.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(server, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(File.Exists(registration), "the provider table moved: update this rule");
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void The_server_names_the_cluster_project_only_where_a_provider_name_maps_to_its_router()
    {
        var server = Path.Combine(RepositoryRoot.Find(), "src", "Parley.Server");
        var registration = Path.Combine(server, "Hosting", "ClusterProviders.cs");
        // A namespace or a type of the cluster project (RabbitMqEventRouter, Parley.Cluster.RabbitMq) or of its client library.
        var clusterType = new Regex(@"\bParley\.Cluster\.|\bRabbitMq[A-Z]\w*|\bRabbitMQ\.Client\b");
        var offenders = Directory.GetFiles(server, "*.cs", SearchOption.AllDirectories)
            .Where(f => f != registration && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => clusterType.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(server, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(File.Exists(registration), "the cluster provider table moved: update this rule");
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }
}
