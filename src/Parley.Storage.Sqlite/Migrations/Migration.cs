namespace Parley.Storage.Sqlite.Migrations;

/// <summary>One numbered schema change.</summary>
/// <param name="Version">Its number; the schema's <c>user_version</c> after it ran.</param>
/// <param name="Name">The script's name, for logs.</param>
/// <param name="Sql">The script.</param>
internal sealed record Migration(int Version, string Name, string Sql);
