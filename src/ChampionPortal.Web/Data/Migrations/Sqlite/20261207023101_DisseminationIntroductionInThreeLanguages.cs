using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChampionPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisseminationIntroductionInThreeLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Introduction",
                table: "Disseminations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IntroductionEs",
                table: "Disseminations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IntroductionPt",
                table: "Disseminations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Introduction",
                table: "Disseminations");

            migrationBuilder.DropColumn(
                name: "IntroductionEs",
                table: "Disseminations");

            migrationBuilder.DropColumn(
                name: "IntroductionPt",
                table: "Disseminations");
        }
    }
}
