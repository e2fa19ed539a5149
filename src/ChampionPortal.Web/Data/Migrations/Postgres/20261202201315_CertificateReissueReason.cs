using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChampionPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CertificateReissueReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReissueReason",
                table: "Certificates",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReissueReason",
                table: "Certificates");
        }
    }
}
