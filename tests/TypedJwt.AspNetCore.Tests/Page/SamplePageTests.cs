using System.Reflection;
using Microsoft.Playwright;
using TypedJwt.AspNetCore.Tests.Support;
using TypedJwt.SampleApi;
using static Microsoft.Playwright.Assertions;

namespace TypedJwt.AspNetCore.Tests.Page;

/// <summary>
/// The sample's page in a real browser: Debian's Chromium, headless, driven by Playwright (which must not download a
/// browser of its own), against the sample on Kestrel. Signs in, checks the three decoded parts and the claims table, calls
/// /me, /admin and /me with an edited payload, and saves a screenshot under the test output's TestResults folder.
/// </summary>
public sealed class SamplePageTests(KestrelEcSample server) : IClassFixture<KestrelEcSample>
{
    private const string Chromium = "/usr/bin/chromium";

    // Flags that work on a machine with no network but the package registries (see the repository's .ci/run).
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
    ];

    [Fact]
    public async Task Signs_in_shows_header_payload_and_signature_decoded_and_calls_the_API()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is not installed at {Chromium}; .ci/run installs Debian's chromium package.");
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumFlags,
        });
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        string screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "sample-page.png");
        try
        {
            await page.GotoAsync(server.BaseAddress.ToString());
            await page.ClickAsync("#sign-in");

            await Expect(page.Locator("#login-status")).ToContainTextAsync("200");
            string encoded = await page.Locator("#encoded").InnerTextAsync();
            string[] parts = encoded.Trim().Split('.');
            Assert.Equal(3, parts.Length);

            // The three parts, decoded side by side, each in its own colour.
            await Expect(page.Locator("#header-json")).ToContainTextAsync("\"typ\": \"at+jwt\"");
            await Expect(page.Locator("#header-json")).ToContainTextAsync("\"alg\": \"ES256\"");
            await Expect(page.Locator("#header-json")).ToContainTextAsync($"\"kid\": \"{server.Key.KeyId}\"");
            await Expect(page.Locator("#payload-json")).ToContainTextAsync("\"sub\": \"alice\"");
            await Expect(page.Locator("#payload-json")).ToContainTextAsync("\"user\"");
            await Expect(page.Locator("#signature")).ToHaveTextAsync(parts[2]);
            Assert.Equal("rgb(251, 1, 91)", await page.Locator("#encoded .part-header").EvaluateAsync<string>("e => getComputedStyle(e).color"));
            Assert.Equal("rgb(184, 62, 232)", await page.Locator("#encoded .part-payload").EvaluateAsync<string>("e => getComputedStyle(e).color"));
            Assert.Equal("rgb(0, 163, 217)", await page.Locator("#encoded .part-signature").EvaluateAsync<string>("e => getComputedStyle(e).color"));

            // Every claim the record declares is shown with its C# member and as checked.
            // (cnf, the DPoP key binding, is in DPoP-bound tokens only; this sign-in makes a bearer token.)
            foreach ((string claim, string member) in DeclaredClaims().Where(c => c.Claim != "cnf"))
            {
                ILocator row = page.Locator($"#claims-table tr[data-claim='{claim}']");
                await Expect(row).ToContainTextAsync(member);
                await Expect(row.Locator(".tag.checked")).ToHaveCountAsync(1);
            }

            await page.ClickAsync("#call-me");
            await Expect(page.Locator("#me-status")).ToContainTextAsync("200");
            await Expect(page.Locator("#me-result")).ToContainTextAsync("\"sub\": \"alice\"");

            await page.ClickAsync("#call-admin");
            await Expect(page.Locator("#admin-status")).ToContainTextAsync("403");

            await page.ClickAsync("#call-tampered");
            await Expect(page.Locator("#tampered-status")).ToContainTextAsync("401");
            await Expect(page.Locator("#tampered-result")).ToContainTextAsync("error=\"invalid_token\"");
            await Expect(page.Locator("#tampered-result")).ToContainTextAsync("The signature is invalid.");
        }
        finally
        {
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        }

        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is (nearly) empty");
    }

    /// <summary>The claim names AccessToken declares, with their members: [JwtClaim] names, else snake_case of the member.</summary>
    private static IEnumerable<(string Claim, string Member)> DeclaredClaims() =>
        typeof(AccessToken).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p.GetCustomAttribute<JwtClaimAttribute>()?.Name ?? p.Name.ToLowerInvariant(), p.Name));
}
