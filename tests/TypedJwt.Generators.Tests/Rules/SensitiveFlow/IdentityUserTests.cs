using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Analyzers;

namespace TypedJwt.Generators.Tests.Rules.SensitiveFlow;

/// <summary>
/// TJ0019 on an ASP.NET Core Identity-style <c>ApplicationUser</c>: <c>IdentityUser</c> declared with the attributes the
/// real one carries (<c>[PersonalData]</c> on Id, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled;
/// <c>[ProtectedPersonalData]</c> on UserName, Email, PhoneNumber), and a token factory of the usual shape.
/// </summary>
public class IdentityUserTests
{
    private const string Identity = """
        namespace Microsoft.AspNetCore.Identity
        {
            public class PersonalDataAttribute : System.Attribute { }
            public class ProtectedPersonalDataAttribute : PersonalDataAttribute { }
            public class IdentityUser
            {
                [PersonalData] public virtual string Id { get; set; } = System.Guid.NewGuid().ToString();
                [ProtectedPersonalData] public virtual string? UserName { get; set; }
                public virtual string? NormalizedUserName { get; set; }
                [ProtectedPersonalData] public virtual string? Email { get; set; }
                public virtual string? NormalizedEmail { get; set; }
                [PersonalData] public virtual bool EmailConfirmed { get; set; }
                public virtual string? PasswordHash { get; set; }
                public virtual string? SecurityStamp { get; set; }
                public virtual string? ConcurrencyStamp { get; set; } = System.Guid.NewGuid().ToString();
                [ProtectedPersonalData] public virtual string? PhoneNumber { get; set; }
                [PersonalData] public virtual bool PhoneNumberConfirmed { get; set; }
                [PersonalData] public virtual bool TwoFactorEnabled { get; set; }
                public virtual System.DateTimeOffset? LockoutEnd { get; set; }
                public virtual bool LockoutEnabled { get; set; }
                public virtual int AccessFailedCount { get; set; }
            }
        }
        """;

    private const string App = """
        #nullable enable
        using System;
        using Microsoft.AspNetCore.Identity;
        using TypedJwt;
        namespace Shop;

        public class ApplicationUser : IdentityUser
        {
            [PersonalData] public string? FullName { get; set; }
            [PersonalData] public DateOnly? DateOfBirth { get; set; }
            public string? TenantId { get; set; }
            public string? Theme { get; set; }
        }

        [JwtPayload(TokenType = "at+jwt")]
        public sealed partial record ShopToken
        {
            [JwtClaim("sub")] public required string Subject { get; init; }
            [JwtClaim("name")] public string? Name { get; init; }
            [JwtClaim("email")] public string? Email { get; init; }
            public bool EmailVerified { get; init; }
            public bool Mfa { get; init; }
            public string? Tenant { get; init; }
            public string? Theme { get; init; }
            public string? Display { get; init; }
            public string? Contact { get; init; }
            public string? Stamp { get; init; }
            public string? Born { get; init; }
            public int Failures { get; init; }
        }

        public static class Tokens
        {
            public static ShopToken For(ApplicationUser user) => new()
            {
                Subject = user.Id,                              // the key Identity marks [PersonalData]: what sub is for
                Email = user.Email,                             // a claim named email, holding the email
                EmailVerified = user.EmailConfirmed,            // a flag
                Mfa = user.TwoFactorEnabled,                    // a flag
                Tenant = user.TenantId,
                Theme = user.Theme,
                Failures = user.AccessFailedCount,
                Name = user.UserName,                           // TJ0019: [ProtectedPersonalData]
                Display = user.FullName,                        // TJ0019: [PersonalData]
                Contact = user.PhoneNumber ?? user.NormalizedEmail, // TJ0019: [ProtectedPersonalData]
                Stamp = user.PasswordHash,                      // TJ0019: a password hash
                Born = user.DateOfBirth?.ToString("O"),         // TJ0019: [PersonalData], and a date of birth
            };
        }
        """;

    [Fact]
    public void Reports_the_personal_data_and_the_password_hash_and_not_the_key_the_flags_or_the_email_claim()
    {
        Compilation compilation = Harness.Run(Harness.Compile(App, Identity)).Output;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        string[] reported = [.. Harness.Analyze(compilation, GlobalOptionsProvider.None, new SensitiveFlowAnalyzer()).Select(Harness.Text).Order()];
        Assert.Equal(
            [
                "Born = user.DateOfBirth?.ToString(\"O\")",
                "Contact = user.PhoneNumber ?? user.NormalizedEmail",
                "Display = user.FullName",
                "Name = user.UserName",
                "Stamp = user.PasswordHash",
            ],
            reported);
    }

    [Fact]
    public void The_project_can_publish_user_names_by_option()
    {
        Compilation compilation = Harness.Run((Microsoft.CodeAnalysis.CSharp.CSharpCompilation)Harness.CompileAt(("/src/App.cs", App), ("/src/Identity.cs", Identity))).Output;
        string[] reported = [.. Harness.AnalyzeWithConfig(compilation, [("/.editorconfig", "root = true\n[*.cs]\nTJ0019.safe_sources = IdentityUser.UserName, FullName\n")], new SensitiveFlowAnalyzer()).Select(Harness.Text)];
        Assert.DoesNotContain("Name = user.UserName", reported);
        Assert.DoesNotContain("Display = user.FullName", reported);
        Assert.Equal(3, reported.Length);
    }
}
