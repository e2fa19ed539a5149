using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChampionPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DirectoryListingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Directory",
                table: "Certificates",
                columns: new[] { "CohortId", "Kind", "CountryCode", "RecipientName", "Id" },
                filter: "\"Status\" = 'Valid'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_Directory",
                table: "Certificates");
        }
    }
}
