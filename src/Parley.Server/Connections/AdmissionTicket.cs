namespace Parley.Server.Connections;

/// <summary>An admitted connection's place, given back with <see cref="ConnectionAdmission.Release"/>.</summary>
/// <param name="Group">The address group it counts against.</param>
/// <param name="Counted">Whether it counts against the group's concurrent cap (false when exempt or the cap is off).</param>
internal readonly record struct AdmissionTicket(AddressGroup Group, bool Counted);
