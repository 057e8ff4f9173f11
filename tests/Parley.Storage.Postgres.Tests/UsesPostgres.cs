namespace Parley.Storage.Postgres.Tests;

/// <summary>Every test class that needs PostgreSQL: one server for the whole run, classes one after another.</summary>
[CollectionDefinition(Name)]
public sealed class UsesPostgres : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
