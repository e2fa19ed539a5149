using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChampionPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuthorityCountryNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Authorities_CountryCode",
                table: "Authorities");

            migrationBuilder.CreateIndex(
                name: "IX_Authorities_CountryCode_SearchKey_Id",
                table: "Authorities",
                columns: new[] { "CountryCode", "SearchKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Authorities_CountryCode_SearchKey_Id",
                table: "Authorities");

            migrationBuilder.CreateIndex(
                name: "IX_Authorities_CountryCode",
                table: "Authorities",
                column: "CountryCode");
        }
    }
}
